# lit configuration for mmap-prepare-lint behaviour tests.
import os
import lit.formats

config.name = "mmap-prepare-lint"
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".c", ".test"]
config.excludes = ["Inputs", "lit", "unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.mpl_build_dir, "test")

llvm_bin = config.llvm_bin
kernel_include = os.path.join(config.test_source_root, "Inputs", "kernel", "include")
kernel_flags = "-nostdinc -I" + kernel_include
lit_dir = os.path.join(config.test_source_root, "lit")

# The clang-tidy front end: Debian's clang-tidy-19 and our plugin. Listed
# before %clang, which is a prefix of %clang_tidy (lit substitutes in order).
config.substitutions.append(("%clang_tidy", config.clang_tidy))
config.substitutions.append(("%tidy_plugin", config.tidy_plugin))
# The test-only build with the MPL_TEST_* fault hooks (core/FaultHooks.h);
# listed before %mpl, a prefix of it.
config.substitutions.append(("%mpl_faults", config.mpl_fault_tool))
config.substitutions.append(("%mpl", config.mpl_tool))
config.substitutions.append(("%kflags", kernel_flags))
config.substitutions.append(("%clang", os.path.join(llvm_bin, "clang")))
config.substitutions.append(("%FileCheck", os.path.join(llvm_bin, "FileCheck")))
# The findings test of one input: any warning or error the CHECK lines do
# not expect fails it (test/lit/check_mmap_prepare.py).
config.substitutions.append((
    "%check_mmap_prepare",
    "python3 %s --tool %s --filecheck %s --kflags '%s'" % (
        os.path.join(lit_dir, "check_mmap_prepare.py"), config.mpl_tool,
        os.path.join(llvm_bin, "FileCheck"), kernel_flags)))
config.substitutions.append(("%expect-exit", "python3 " + os.path.join(lit_dir, "expect_exit.py")))
# Every fix test runs through both front ends (the CLI and the plugin) with
# one runner; see test/lit/check_fix.py.
config.substitutions.append((
    "%check-fix",
    "python3 %s --tool %s --clang %s --kernel-include %s --clang-tidy %s --tidy-plugin %s" % (
        os.path.join(lit_dir, "check_fix.py"), config.mpl_tool,
        os.path.join(llvm_bin, "clang"), kernel_include, config.clang_tidy,
        config.tidy_plugin)))
config.substitutions.append((
    "%compare-frontends",
    "python3 %s --tool %s --clang-tidy %s --tidy-plugin %s --kernel-include %s --clang %s" % (
        os.path.join(lit_dir, "compare_frontends.py"), config.mpl_tool,
        config.clang_tidy, config.tidy_plugin, kernel_include,
        os.path.join(llvm_bin, "clang"))))
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", "/usr/bin:/bin")])
# MPL_UPDATE_EXPECTED=1 regenerates the .expected files of fix tests
# (test/lit/check_fix.py; docs/CONTRIBUTING.md).
if os.environ.get("MPL_UPDATE_EXPECTED"):
    config.environment["MPL_UPDATE_EXPECTED"] = os.environ["MPL_UPDATE_EXPECTED"]
