// Rewritten statements are laid out as kernel code is: a continuation line
// aligned with an open parenthesis follows it to its new column; a line the
// rewrite made wider than 80 columns breaks after its outermost && or ||,
// else between arguments, else after another operator, and continues under
// the open parenthesis; lines the rewrite did not touch, and continuation
// lines not aligned with a parenthesis, keep their author's layout; a line
// that was already wider may stay as wide as it was.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct lw_dev {
	unsigned long mem_base, mem_window_size, bar_start;
	int ring;
};

static int lw_in_ring(struct lw_dev *dev, unsigned long pgoff)
{
	return pgoff < (unsigned long)dev->ring;
}

static int lw_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct lw_dev *dev = file->private_data;
	unsigned long pages = vma_pages(vma);

	if (vma->vm_pgoff + vma_pages(vma) > dev->mem_window_size >> PAGE_SHIFT)
		return -EINVAL;

	if ((lw_in_ring(dev, vma->vm_pgoff) ||
	     lw_in_ring(dev, vma->vm_pgoff + pages - 1)) &&
	    ((vma->vm_flags & VM_EXEC) || !(vma->vm_flags & VM_SHARED)))
		return -EINVAL;

	vma->vm_pgoff += (dev->bar_start * dev->mem_base
			  >> PAGE_SHIFT);
	vma->vm_pgoff += dev->bar_start +
		dev->mem_base;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP | VM_DONTCOPY);
	if (lw_in_ring(dev, vma->vm_pgoff) && lw_in_ring(dev, dev->mem_base + dev->bar_start))
		return -EINVAL;
	return 0;
}

static const struct file_operations lw_fops = {
	.mmap = lw_mmap,
// CHECK: line-width.c:[[@LINE-1]]:2: warning: {{.*}}'lw_mmap' can be converted
};
