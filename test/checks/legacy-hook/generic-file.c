// A filesystem that only adds a flag before generic_file_mmap().
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int myfs_file_mmap(struct file *file, struct vm_area_struct *vma)
{
	file_accessed(file);
	vm_flags_set(vma, VM_SEQ_READ);
	return generic_file_mmap(file, vma);
}

static int myfs_ro_mmap(struct file *file, struct vm_area_struct *vma)
{
	return generic_file_readonly_mmap(file, vma);
}

const struct file_operations myfs_file_operations = {
	.mmap		= myfs_file_mmap,
};
// CHECK: generic-file.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'myfs_file_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]

const struct file_operations myfs_ro_operations = {
	.mmap		= myfs_ro_mmap,
};
// CHECK: generic-file.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'myfs_ro_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
