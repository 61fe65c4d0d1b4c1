// A local that only carries vm_page_prot to the remap is folded into
// desc->page_prot, which the action maps with (aspeed-lpc-ctrl,
// aspeed-p2a-ctrl): its source and its declaration go, its steps work on
// the descriptor. A local with a step in a branch, or one that starts from
// another value than vm_page_prot, stays and sets desc->page_prot before
// the action. Either way the VMA's own protection now changes
// too, which the finding notes.
// RUN: %check_mmap_prepare --exit 1 --strict-notes %s '--checks=-*,mmap-prepare-legacy-hook'
// RUN: %check-fix %s %s.expected %t

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long pl_base, pl_size;

static int init_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long vsize = vma->vm_end - vma->vm_start;
	pgprot_t prot = vma->vm_page_prot;

	if (vma->vm_pgoff + vma_pages(vma) > pl_size >> PAGE_SHIFT)
		return -EINVAL;

	/* AHB accesses are not cache coherent */
	prot = pgprot_noncached(prot);

	if (remap_pfn_range(vma, vma->vm_start,
		(pl_base >> PAGE_SHIFT) + vma->vm_pgoff,
		vsize, prot))
		return -EAGAIN;

	return 0;
}

static int assigned_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot;

	if (!pl_base)
		return -EINVAL;

	prot = vma->vm_page_prot;
	prot = pgprot_noncached(prot);
	return remap_pfn_range(vma, vma->vm_start, pl_base >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, prot);
}

static int branch_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot = vma->vm_page_prot;

	if (pl_size)
		prot = pgprot_noncached(prot);
	return remap_pfn_range(vma, vma->vm_start, pl_base >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, prot);
}

static int reread_mmap(struct file *file, struct vm_area_struct *vma)
{
	pgprot_t prot = pgprot_noncached(vma->vm_page_prot);

	return remap_pfn_range(vma, vma->vm_start, pl_base >> PAGE_SHIFT,
			       vma->vm_end - vma->vm_start, prot);
}

static const struct file_operations fops[] = {
	{ .mmap = init_mmap },
	{ .mmap = assigned_mmap },
	{ .mmap = branch_mmap },
	{ .mmap = reread_mmap },
};
// CHECK: prot-local.c:67:4: warning: {{.*}}'init_mmap' can be converted
// CHECK: note: 'init_mmap' is defined here
// CHECK: prot-local.c:29:10: note: the old code passed remap_pfn_range() a page protection of its own and left vm_page_prot as it was; the action maps with desc->page_prot, so the VMA's page protection now changes to that value too
// CHECK: prot-local.c:68:4: warning: {{.*}}'assigned_mmap' can be converted
// CHECK: note: 'assigned_mmap' is defined here
// CHECK: note: the old code passed remap_pfn_range() a page protection
// CHECK: prot-local.c:69:4: warning: {{.*}}'branch_mmap' can be converted
// CHECK: note: 'branch_mmap' is defined here
// CHECK: note: the old code passed remap_pfn_range() a page protection
// CHECK: prot-local.c:70:4: warning: {{.*}}'reread_mmap' can be converted
// CHECK: note: 'reread_mmap' is defined here
// CHECK: note: the old code passed remap_pfn_range() a page protection
