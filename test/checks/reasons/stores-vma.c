// Blocked: the driver keeps the vma pointer; a prepare hook has no vma yet.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: cp %s %t.c
// RUN: %expect-exit 1 %mpl --fix --quiet %t.c -- %kflags
// RUN: diff %s %t.c

#include <linux/fs.h>
#include <linux/mm.h>

struct sv_priv {
	struct vm_area_struct *vma;
	unsigned long pfn;
};

static int sv_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct sv_priv *priv = file->private_data;

	if (vma_pages(vma) > 4)
		return -EINVAL;
	priv->vma = vma;
	return remap_pfn_range(vma, vma->vm_start, priv->pfn,
			       vma->vm_end - vma->vm_start,
			       vma->vm_page_prot);
}

static const struct file_operations sv_fops = {
	.mmap = sv_mmap,
};
// CHECK: stores-vma.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'sv_mmap' cannot move to mmap_prepare yet [mmap-prepare-legacy-hook]
// CHECK-NEXT: stores-vma.c:[[@LINE-16]]:12: note: 'sv_mmap' is defined here
// CHECK-NEXT: stores-vma.c:[[@LINE-11]]:14: note: stores the vma pointer{{.*}} [stores-vma]
