// vm_map_pages_zero() ignores pgoff, and so does map_kernel_pages: the
// bound it checked (a non-empty array at least as long as the mapping)
// moves into the hook, and the array is mapped from its first page.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

struct zring {
	struct page **pages;
	unsigned long nr_pages;
};

static int zring_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct zring *ring = file->private_data;

	return vm_map_pages_zero(vma, ring->pages, ring->nr_pages);
}

static const struct file_operations zring_fops = {
	.mmap = zring_mmap,
};
// CHECK: map-pages-zero.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'zring_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK-NEXT: map-pages-zero.c:15:12: note: 'zring_mmap' is defined here
