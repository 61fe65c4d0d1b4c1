// vm_map_pages() becomes mmap_action_map_kernel_pages_full(); the bounds
// check vm_map_pages() did against the page array moves into the hook.
// RUN: %check_mmap_prepare --exit 1 %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct ring {
	struct page **pages;
	unsigned long nr_pages;
};

static int ring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ring *ring = file->private_data;

	return vm_map_pages(vma, ring->pages, ring->nr_pages);
}

static const struct file_operations ring_fops = {
	.mmap = ring_mmap,
};
// CHECK: map-pages.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ring_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
