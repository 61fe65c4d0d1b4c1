// A file whose own code goes past 80 columns (three lines or more, as
// kvm_main.c does) keeps its width: a rewritten line breaks only past the
// file's longest code line, and never past 100 columns.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct wide_dev {
	unsigned long dirty_ring_offset, dirty_ring_size_in_pages, bar_start;
};

static int wide_page_in_dirty_ring(struct wide_dev *dev, unsigned long pgoff)
{
	return pgoff >= dev->dirty_ring_offset && pgoff < dev->dirty_ring_offset + dev->dirty_ring_size_in_pages;
}

static int wide_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct wide_dev *dev = file->private_data;

	if (wide_page_in_dirty_ring(dev, vma->vm_pgoff) &&
	    ((vma->vm_flags & VM_EXEC) || !(vma->vm_flags & VM_SHARED)))
		return -EINVAL;
	if (wide_page_in_dirty_ring(dev, vma->vm_pgoff + vma_pages(vma) - 1) && wide_page_in_dirty_ring(dev, 0))
		return -EINVAL;
	if (wide_page_in_dirty_ring(dev, dev->bar_start) && wide_page_in_dirty_ring(dev, dev->bar_start + 1))
		return -EINVAL;
	vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP | VM_DONTCOPY | VM_NORESERVE | VM_LOCKED);
	return 0;
}

static const struct file_operations wide_fops = {
	.mmap = wide_mmap,
// CHECK: line-width-wide.c:[[@LINE-1]]:2: warning: {{.*}}'wide_mmap' can be converted
};
