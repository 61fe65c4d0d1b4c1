// SPDX-License-Identifier: GPL-2.0
/*
 * already_converted - a driver written against the v7.3 mmap_prepare API:
 * flags via vma_desc_*(), the remap as a deferred mmap action, and the
 * per-mapping reference taken in vm_ops->mapped once the VMA exists.
 *
 * mmap-prepare-lint example: CLEAN. There is no .mmap hook and the
 * .mmap_prepare hook follows the rules, so the tool should report nothing.
 * Needs MOCK_KERNEL_API >= 701 (vm_ops->mapped, vma_desc_test()).
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>

#define CONV_ORDER	2
#define CONV_SIZE	(PAGE_SIZE << CONV_ORDER)

struct conv_dev {
	struct miscdevice misc;
	struct kref ref;
	void *buf;
};

static void conv_release(struct kref *ref)
{
	struct conv_dev *cdev = container_of(ref, struct conv_dev, ref);

	free_pages((unsigned long)cdev->buf, CONV_ORDER);
	kfree(cdev);
}

/*
 * First mapping of a new VMA: runs after the remap action completed. The
 * reference is recorded in the VMA only here: when the remap fails, the
 * core unmaps the VMA without calling ->mapped but still calls ->close.
 */
static int conv_vm_mapped(unsigned long start, unsigned long end,
			  pgoff_t pgoff, const struct file *file,
			  void **vm_private_data)
{
	struct conv_dev *cdev = container_of(file->private_data,
					     struct conv_dev, misc);

	kref_get(&cdev->ref);
	*vm_private_data = cdev;
	return 0;
}

/* Split or fork: another VMA now refers to the device. */
static void conv_vm_open(struct vm_area_struct *vma)
{
	struct conv_dev *cdev = vma->vm_private_data;

	kref_get(&cdev->ref);
}

static void conv_vm_close(struct vm_area_struct *vma)
{
	struct conv_dev *cdev = vma->vm_private_data;

	/* NULL when the remap failed and ->mapped never ran. */
	if (!cdev)
		return;
	kref_put(&cdev->ref, conv_release);
}

static const struct vm_operations_struct conv_vm_ops = {
	.mapped		= conv_vm_mapped,
	.open		= conv_vm_open,
	.close		= conv_vm_close,
};

static int conv_mmap_prepare(struct vm_area_desc *desc)
{
	struct file *file = desc->file;
	struct conv_dev *cdev = container_of(file->private_data,
					     struct conv_dev, misc);

	if (desc->pgoff || vma_desc_size(desc) > CONV_SIZE)
		return -EINVAL;

	/* Read-only for userspace: refuse writable shared mappings. */
	if (vma_desc_test_all(desc, VMA_SHARED_BIT, VMA_WRITE_BIT))
		return -EPERM;
	if (vma_desc_test(desc, VMA_SHARED_BIT))
		vma_desc_clear_flags(desc, VMA_MAYWRITE_BIT);

	desc->page_prot = pgprot_writecombine(desc->page_prot);
	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT, VMA_DONTDUMP_BIT);
	desc->vm_ops = &conv_vm_ops;

	/* page_prot is captured here, so it must be final by now. */
	mmap_action_remap_full(desc, virt_to_phys(cdev->buf) >> PAGE_SHIFT);
	return 0;
}

static const struct file_operations conv_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= conv_mmap_prepare,
};

static struct conv_dev *the_dev;

static int __init conv_init(void)
{
	int ret;

	the_dev = kzalloc(sizeof(*the_dev), GFP_KERNEL);
	if (!the_dev)
		return -ENOMEM;

	the_dev->buf = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
						CONV_ORDER);
	if (!the_dev->buf) {
		kfree(the_dev);
		return -ENOMEM;
	}

	kref_init(&the_dev->ref);
	the_dev->misc.minor = MISC_DYNAMIC_MINOR;
	the_dev->misc.name = "already_converted";
	the_dev->misc.fops = &conv_fops;

	ret = misc_register(&the_dev->misc);
	if (ret)
		kref_put(&the_dev->ref, conv_release);
	return ret;
}

static void __exit conv_exit(void)
{
	misc_deregister(&the_dev->misc);
	kref_put(&the_dev->ref, conv_release);
}

module_init(conv_init);
module_exit(conv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: correct v7.3 .mmap_prepare user");
