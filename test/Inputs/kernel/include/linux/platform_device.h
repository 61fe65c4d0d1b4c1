/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/platform_device.h for mmap-prepare-lint tests. */
#ifndef _LINUX_PLATFORM_DEVICE_H
#define _LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/ioport.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
};

#define to_platform_device(x) container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
	struct device_driver driver;
};

struct resource *platform_get_resource(struct platform_device *dev,
				       unsigned int type, unsigned int num);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev,
					     unsigned int index);
int platform_get_irq(struct platform_device *dev, unsigned int num);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev,
					void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

int platform_driver_register(struct platform_driver *drv);
void platform_driver_unregister(struct platform_driver *drv);

#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
		      platform_driver_unregister)

#endif /* _LINUX_PLATFORM_DEVICE_H */
