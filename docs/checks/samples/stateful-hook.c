// SPDX-License-Identifier: GPL-2.0
/*
 * Sample input for docs/checks/mmap-prepare-stateful-hook.md: per-mapping
 * state taken inside mmap_prepare.
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

struct cam_map {
	struct cam_dev *cam;
};

static int cam_mmap_prepare(struct vm_area_desc *desc)
{
	struct cam_dev *cam = desc->file->private_data;
	struct cam_map *map;

	if (desc->pgoff || vma_desc_size(desc) > PAGE_SIZE)
		return -EINVAL;

	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	kref_get(&cam->ref);
	map->cam = cam;

	mutex_lock(&cam->lock);
	cam->nr_maps++;

	desc->private_data = map;
	mmap_action_remap_full(desc, cam->pfn);
	return 0;
}

const struct file_operations cam_fops = {
	.owner		= THIS_MODULE,
	.mmap_prepare	= cam_mmap_prepare,
};
