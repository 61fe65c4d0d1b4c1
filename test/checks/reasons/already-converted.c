// Not reported: a driver that already uses a correct .mmap_prepare.
// RUN: %expect-exit 0 %mpl %s -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --allow-empty --implicit-check-not=warning: \
// RUN:     --implicit-check-not=note: --implicit-check-not=error:
// RUN: %expect-exit 0 %mpl %S/../../../examples/drivers/already_converted.c \
// RUN:   -- %kflags 2>&1 \
// RUN:   | %FileCheck %s --allow-empty --implicit-check-not=warning: \
// RUN:     --implicit-check-not=note: --implicit-check-not=error:

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long ac_pfn;

static int ac_mmap_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) > 4 * PAGE_SIZE)
		return -EINVAL;
	vma_desc_set_flags(desc, VMA_IO_BIT, VMA_DONTEXPAND_BIT);
	mmap_action_remap_full(desc, ac_pfn);
	return 0;
}

static const struct file_operations ac_fops = {
	.mmap_prepare = ac_mmap_prepare,
};
