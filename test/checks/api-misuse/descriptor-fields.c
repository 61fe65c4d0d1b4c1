// Descriptor fields a hook must not touch, and page_prot set too late. A
// stacking wrapper that reads desc->vm_ops after the inner hook could set
// it, or a hook reading back its own write, reads a value of this call.
// RUN: %check_mmap_prepare --exit 1 %s --checks=-*,mmap-prepare-api-misuse

#include <linux/fs.h>
#include <linux/mm.h>

static unsigned long base_pfn;
static const struct vm_operations_struct my_vm_ops;

static int bad_prepare(struct vm_area_desc *desc)
{
	if (vma_desc_size(desc) != PAGE_SIZE)
		return -EINVAL;
	desc->start += PAGE_SIZE;
// CHECK: descriptor-fields.c:[[@LINE-1]]:2: warning: writes desc->start, which the descriptor reports but the hook must not change [mmap-prepare-api-misuse]
	if (desc->vm_ops)
// CHECK: descriptor-fields.c:[[@LINE-1]]:6: warning: reads desc->vm_ops, which is write-only: it is not pre-populated from the mapping [mmap-prepare-api-misuse]
		return -EBUSY;
	desc->vm_ops = &my_vm_ops;
	desc->action.type = MMAP_REMAP_PFN;
// CHECK: descriptor-fields.c:[[@LINE-1]]:2: warning: writes desc->action.type directly; only the mmap_action_*() helpers may set up an action [mmap-prepare-api-misuse]
	mmap_action_remap_full(desc, base_pfn);
	desc->action.error_override = -EAGAIN;
	desc->page_prot = pgprot_noncached(desc->page_prot);
// CHECK: descriptor-fields.c:[[@LINE-1]]:2: warning: desc->page_prot is changed after mmap_action_remap_full(), which already captured it: the mapping uses the old protection; set page_prot first [mmap-prepare-api-misuse]
	return 0;
}

static int stacked_prepare(struct vm_area_desc *desc)
{
	struct file *lower = desc->file->private_data;
	const struct vm_operations_struct *inner;
	int ret;

	ret = vfs_mmap_prepare(lower, desc);
	if (ret)
		return ret;
	inner = desc->vm_ops;
	if (!inner)
		desc->vm_ops = &my_vm_ops;
	desc->private_data = lower;
	return desc->private_data ? 0 : -EINVAL;
}

static const struct file_operations bad_fops = {
	.mmap_prepare = bad_prepare,
};

static const struct file_operations stacked_fops = {
	.mmap_prepare = stacked_prepare,
};
