/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/cdev.h for mmap-prepare-lint tests. */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/types.h>
#include <linux/kdev_t.h>

struct file_operations;
struct module;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);

#endif /* _LINUX_CDEV_H */
