// SPDX-License-Identifier: GPL-2.0
/*
 * docs/checks/samples/stateful-hook.c with the state moved to
 * vm_ops->mapped (v7.1+), which runs once the VMA really exists.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kref.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct cam_dev {
	struct kref ref;
	struct mutex lock;
	unsigned int nr_maps;
	unsigned long pfn;
};

static int cam_vm_mapped(unsigned long start, unsigned long end,
			 pgoff_t pgoff, const struct file *file,
			 void **vm_private_data)
{
	struct cam_dev *cam = *vm_private_data;

	kref_get(&cam->ref);
	mutex_lock(&cam->lock);
	cam->nr_maps++;
	mutex_unlock(&cam->lock);
	return 0;
}

static void cam_release(struct kref *ref)
{
	kfree(container_of(ref, struct cam_dev, ref));
}

static void cam_vm_close(struct vm_area_struct *vma)
{
	struct cam_dev *cam = vma->vm_private_data;

	mutex_lock(&cam->lock);
	cam->nr_maps--;
	mutex_unlock(&cam->lock);
	kref_put(&cam->ref, cam_release);
}

/* Never split, never copied on fork: no .open needed to balance .close. */
static int cam_vm_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	return -EINVAL;
}

static const struct vm_operations_struct cam_vm_ops = {
	.mapped		= cam_vm_mapped,
	.close		= cam_vm_close,
	.may_split	= cam_vm_may_split,
};

static int cam_mmap_prepare(struct vm_area_desc *desc)
{
	struct cam_dev *cam = desc->file->private_data;

	if (desc->pgoff || vma_desc_size(desc) > PAGE_SIZE)
		return -EINVAL;

	vma_desc_set_flags(desc, VMA_DONTCOPY_BIT);
	desc->private_data = cam;
	desc->vm_ops = &cam_vm_ops;
	mmap_action_remap_full(desc, cam->pfn);
	return 0;
}

const struct file_operations cam_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= cam_mmap_prepare,
};
