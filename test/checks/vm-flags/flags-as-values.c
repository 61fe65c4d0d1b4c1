// Flags used as values: mask comparisons become bit tests with the right
// negation, chains of single-bit tests become one helper call, a driver's
// own mask macro is expanded, and a plain read of the word becomes
// vma_flags_to_legacy(), which equals vma->vm_flags at hook entry.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s --checks=-*,mmap-prepare-legacy-hook
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

#define FV_FORBIDDEN_FLAGS (VM_WRITE)

static int fv_check(unsigned long flags) { return flags & 1; }

static int fv_mmap(struct file *file, struct vm_area_struct *vma)
{
	vm_flags_t flags = vma->vm_flags;

	if ((vma->vm_flags & (VM_SHARED | VM_MAYSHARE)) !=
	    (VM_SHARED | VM_MAYSHARE))
		return -EINVAL;
	if ((vma->vm_flags & VM_SHARED) == 0)
		return -EINVAL;
	if ((vma->vm_flags & (VM_READ | VM_WRITE)) != VM_READ)
		return -EPERM;
	if ((vma->vm_flags & (VM_EXEC | VM_IO)) == 0 && fv_check(flags))
		return -EPERM;
	if (vma->vm_flags & FV_FORBIDDEN_FLAGS)
		return -EPERM;
	if ((vma->vm_flags & VM_SHARED) && (vma->vm_flags & VM_MAYWRITE))
		return -EACCES;
	if (!(vma->vm_flags & VM_LOCKED) && !(vma->vm_flags & VM_IO))
		return -EACCES;
	return fv_check(vma->vm_flags);
}

static const struct file_operations fv_fops = {
	.mmap		= fv_mmap,
};
// CHECK: flags-as-values.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'fv_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: flags-as-values.c:{{[0-9]+}}:12: note: 'fv_mmap' is defined here

static int fv_seq(struct file *file) { return !file->private_data; }

static int fv_seq_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (fv_seq(file) && (vma->vm_flags & VM_SHARED) &&
	    (vma->vm_flags & VM_MAYWRITE))
		return -EINVAL;
	if (fv_seq(file) || !(vma->vm_flags & VM_READ) ||
	    !(vma->vm_flags & VM_WRITE) || !(vma->vm_flags & VM_EXEC))
		return -EPERM;
	return 0;
}

static const struct file_operations fv_seq_fops = {
	.mmap		= fv_seq_mmap,
};
// CHECK: flags-as-values.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'fv_seq_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: flags-as-values.c:{{[0-9]+}}:12: note: 'fv_seq_mmap' is defined here
