// SPDX-License-Identifier: GPL-2.0
/*
 * stateful - every mapping gets its own bookkeeping object and pins the
 * device with a kref, all from inside the .mmap hook.
 *
 * mmap-prepare-lint example: MANUAL. The remap itself is convertible, but
 * the hook allocates (kzalloc) and takes a reference (kref_get) before the
 * mapping is known to succeed. mmap_prepare must be stateless; that work
 * belongs in a vm_operations_struct->mapped callback (v7.1+), which a human
 * has to write.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/kref.h>
#include <linux/miscdevice.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

#define STATEFUL_ORDER	3
#define STATEFUL_PAGES	(1UL << STATEFUL_ORDER)

struct stateful_dev {
	struct miscdevice misc;
	struct kref ref;
	struct mutex lock;
	unsigned int nr_maps;
	void *buf;
};

struct stateful_map {
	struct stateful_dev *sdev;
	unsigned long start;
};

static void stateful_release(struct kref *ref)
{
	struct stateful_dev *sdev = container_of(ref, struct stateful_dev, ref);

	free_pages((unsigned long)sdev->buf, STATEFUL_ORDER);
	kfree(sdev);
}

static void stateful_vm_close(struct vm_area_struct *vma)
{
	struct stateful_map *map = vma->vm_private_data;
	struct stateful_dev *sdev = map->sdev;

	mutex_lock(&sdev->lock);
	sdev->nr_maps--;
	mutex_unlock(&sdev->lock);

	kfree(map);
	kref_put(&sdev->ref, stateful_release);
}

/* One bookkeeping object per VMA: never let the VMA be split. */
static int stateful_vm_may_split(struct vm_area_struct *vma,
				 unsigned long addr)
{
	return -EINVAL;
}

static const struct vm_operations_struct stateful_vm_ops = {
	.close		= stateful_vm_close,
	.may_split	= stateful_vm_may_split,
};

static int stateful_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct stateful_dev *sdev = container_of(file->private_data,
						 struct stateful_dev, misc);
	struct stateful_map *map;
	int ret;

	if (vma->vm_pgoff || vma_pages(vma) > STATEFUL_PAGES)
		return -EINVAL;

	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;

	kref_get(&sdev->ref);
	map->sdev = sdev;
	map->start = vma->vm_start;

	ret = remap_pfn_range(vma, vma->vm_start,
			      virt_to_phys(sdev->buf) >> PAGE_SHIFT,
			      vma->vm_end - vma->vm_start, vma->vm_page_prot);
	if (ret) {
		kref_put(&sdev->ref, stateful_release);
		kfree(map);
		return ret;
	}

	mutex_lock(&sdev->lock);
	sdev->nr_maps++;
	mutex_unlock(&sdev->lock);

	/* ...and never copy it into a child on fork(). */
	vm_flags_set(vma, VM_DONTCOPY);
	vma->vm_private_data = map;
	vma->vm_ops = &stateful_vm_ops;
	return 0;
}

static const struct file_operations stateful_fops = {
	.owner		= THIS_MODULE,
	.mmap		= stateful_mmap,
};

static struct stateful_dev *the_dev;

static int __init stateful_init(void)
{
	int ret;

	the_dev = kzalloc(sizeof(*the_dev), GFP_KERNEL);
	if (!the_dev)
		return -ENOMEM;

	the_dev->buf = (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO,
						STATEFUL_ORDER);
	if (!the_dev->buf) {
		kfree(the_dev);
		return -ENOMEM;
	}

	kref_init(&the_dev->ref);
	mutex_init(&the_dev->lock);
	the_dev->misc.minor = MISC_DYNAMIC_MINOR;
	the_dev->misc.name = "stateful";
	the_dev->misc.fops = &stateful_fops;

	ret = misc_register(&the_dev->misc);
	if (ret)
		kref_put(&the_dev->ref, stateful_release);
	return ret;
}

static void __exit stateful_exit(void)
{
	misc_deregister(&the_dev->misc);
	kref_put(&the_dev->ref, stateful_release);
}

module_init(stateful_init);
module_exit(stateful_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Example: per-mapping state created in the mmap hook");
