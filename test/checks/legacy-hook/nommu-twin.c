// A twin that takes the flags rather than the descriptor:
// is_nommu_shared_mapping(vma->vm_flags) -> is_nommu_shared_vma_flags(&desc->vma_flags)
// (nommu-only code, as in ramfs's file-nommu.c).
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s -- -DMOCK_NOMMU
// RUN: %check-fix --define MOCK_NOMMU %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static int nt_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (!is_nommu_shared_mapping(vma->vm_flags))
		return -ENOSYS;
	file_accessed(file);
	return 0;
}

static const struct file_operations nt_fops = {
	.mmap		= nt_mmap,
};
// CHECK: nommu-twin.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'nt_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: nommu-twin.c:10:12: note: 'nt_mmap' is defined here
