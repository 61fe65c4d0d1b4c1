// NOLINT works for the plugin's checks: clang-tidy's diag() honours
// `// NOLINT(mmap-prepare-legacy-hook)` on the `.mmap = fn` line, which
// suppresses that warning (and, with it, the conversion attached to it), and
// only that check's warning on that line.
//
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' %s -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --implicit-check-not='[mmap-prepare-legacy-hook]'
//
// --fix leaves the suppressed table and its callback alone:
// RUN: cp %s %t.c
// RUN: %clang_tidy -load=%tidy_plugin '-checks=-*,mmap-prepare-*' --fix %t.c -- %kflags
// RUN: %FileCheck %s --check-prefix=FIXED --input-file=%t.c
//
// COMPARE-FRONTENDS: skip (a clang-tidy NOLINT test; the CLI's suppressions are tested in test/checks/suppression)

#include <linux/fs.h>
#include <linux/mm.h>

static int quiet_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	return 0;
}
// The vm-flags finding is a different check: NOLINT(legacy-hook) keeps it.
// CHECK-DAG: nolint.c:[[@LINE-4]]:2: warning: VMA flags are set on the descriptor by bit number: vma_desc_set_flags(desc, VMA_DONTEXPAND_BIT) [mmap-prepare-vm-flags]

static const struct file_operations quiet_fops = {
	.mmap = quiet_mmap, // NOLINT(mmap-prepare-legacy-hook)
};

static int other_check_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations other_check_fops = {
	.mmap = other_check_mmap, // NOLINT(mmap-prepare-vm-flags)
};
// A NOLINT for another check does not hide this one.
// CHECK-DAG: nolint.c:[[@LINE-3]]:2: warning: 'file_operations.mmap' is deprecated; 'other_check_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

static int loud_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

static const struct file_operations loud_fops = {
	.mmap = loud_mmap,
};
// CHECK-DAG: nolint.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'loud_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

// FIXED: static int quiet_mmap(struct file *file, struct vm_area_struct *vma)
// FIXED: .mmap = quiet_mmap, // NOLINT(mmap-prepare-legacy-hook)
// FIXED: static int other_check_mmap_prepare(struct vm_area_desc *desc)
// FIXED: .mmap_prepare = other_check_mmap_prepare, // NOLINT(mmap-prepare-vm-flags)
// FIXED: static int loud_mmap_prepare(struct vm_area_desc *desc)
// FIXED: .mmap_prepare = loud_mmap_prepare,
