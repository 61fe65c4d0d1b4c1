// `return remap_pfn_range(...)` under an if without braces gains braces;
// an ignored result becomes an action whose failure now fails the mmap.
// RUN: %check_mmap_prepare --exit 1 %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long cached_pfn, uncached_pfn;
static bool use_cache;

static int two_mmap(struct file *file, struct vm_area_struct *vma)
{
	if (use_cache)
		return remap_pfn_range(vma, vma->vm_start, cached_pfn,
				       vma->vm_end - vma->vm_start,
				       vma->vm_page_prot);
	return remap_pfn_range(vma, vma->vm_start, uncached_pfn,
			       vma->vm_end - vma->vm_start,
			       pgprot_noncached(vma->vm_page_prot));
}

static int ign_mmap(struct file *file, struct vm_area_struct *vma)
{
	remap_pfn_range(vma, vma->vm_start, cached_pfn, PAGE_SIZE,
			vma->vm_page_prot);
	return 0;
}

static const struct file_operations two_fops = {
	.mmap = two_mmap,
};
// CHECK: nested-return.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'two_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
static const struct file_operations ign_fops = {
	.mmap = ign_mmap,
};
// CHECK: nested-return.c:[[@LINE-2]]:2: warning: 'file_operations.mmap' is deprecated; 'ign_mmap' can be converted to mmap_prepare automatically [mmap-prepare-legacy-hook]
// CHECK: nested-return.c:25:2: note: the result of remap_pfn_range() was ignored; as an mmap action its failure now fails the mmap
