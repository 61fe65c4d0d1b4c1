/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/miscdevice.h for mmap-prepare-lint tests. */
#ifndef _LINUX_MISCDEVICE_H
#define _LINUX_MISCDEVICE_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/fs.h>

#define MISC_DYNAMIC_MINOR	255

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#define module_misc_device(__misc_device) \
	module_driver(__misc_device, misc_register, misc_deregister)

#endif /* _LINUX_MISCDEVICE_H */
