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

config.substitutions.append(("%mpl", config.mpl_tool))
config.substitutions.append(("%kflags", kernel_flags))
config.substitutions.append(("%clang", os.path.join(llvm_bin, "clang")))
config.substitutions.append(("%FileCheck", os.path.join(llvm_bin, "FileCheck")))
config.substitutions.append(("%expect-exit", "python3 " + os.path.join(lit_dir, "expect_exit.py")))
config.substitutions.append((
    "%check-fix",
    "python3 %s --tool %s --clang %s --kernel-include %s" % (
        os.path.join(lit_dir, "check_fix.py"), config.mpl_tool,
        os.path.join(llvm_bin, "clang"), kernel_include)))
config.environment["PATH"] = os.pathsep.join([llvm_bin, config.environment.get("PATH", "/usr/bin:/bin")])
