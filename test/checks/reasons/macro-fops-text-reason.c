// A finding for an ops table built in a macro must carry its reason code in
// the text output too (a user greps for [macro-spelled]), like every other
// legacy-hook finding does.
// RUN: %check_mmap_prepare --exit 1 %s

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long mt_pfn;

static int mt_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (vma_pages(vma) > 4)
		return -EINVAL;
	return remap_pfn_range(vma, vma->vm_start, mt_pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

#define MT_FOPS(name)						\
	static const struct file_operations name = {		\
		.mmap = mt_mmap,				\
	}
MT_FOPS(mt_fops_a);
MT_FOPS(mt_fops_b);
// CHECK: macro-fops-text-reason.c:[[@LINE-4]]:3: warning: {{.*}}(2 expansions here){{.*}} [mmap-prepare-legacy-hook]
// CHECK: macro-fops-text-reason.c:{{[0-9]+}}:{{[0-9]+}}: note: {{.*}} [macro-spelled]
