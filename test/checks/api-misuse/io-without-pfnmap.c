// VMA_IO_BIT needs a PFN or mixed mapping; a remap action provides one.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-api-misuse

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;

static int io_prepare(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
// CHECK: io-without-pfnmap.c:[[@LINE-1]]:27: warning: sets VMA_IO_BIT without VMA_PFNMAP_BIT or VMA_MIXEDMAP_BIT and without a remap action
	return 0;
}

static int io_remap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	vma_desc_set_flags(desc, VMA_IO_BIT);
	mmap_action_ioremap_full(desc, base_pfn);
	return 0;
}

static int io_pfnmap_prepare(struct vm_area_desc *desc)
{
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_PFNMAP_BIT);
	return 0;
}

static const struct file_operations fops[] = {
	{ .mmap_prepare = io_prepare },
	{ .mmap_prepare = io_remap_prepare },
	{ .mmap_prepare = io_pfnmap_prepare },
};
