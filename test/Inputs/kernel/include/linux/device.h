/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/device.h (+ device/driver.h, dev_printk.h) for
 * mmap-prepare-lint tests.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/module.h>

struct device_driver {
	const char *name;
	struct module *owner;
	const struct of_device_id *of_match_table;
};

struct device {
	struct device *parent;
	const char *init_name;
	struct device_driver *driver;
	void *platform_data;
	void *driver_data;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	struct device_node *of_node;
	void (*release)(struct device *dev);
};

struct class;
struct attribute_group;

struct device *get_device(struct device *dev);
void put_device(struct device *dev);
const char *dev_name(const struct device *dev);

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp);
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);

struct device *device_create(const struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(const struct class *cls, dev_t devt);

__printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_notice(const struct device *dev, const char *fmt, ...);

#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_notice(dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)						\
	({ if (0) _dev_info(dev, fmt, ##__VA_ARGS__); })
#define dev_err_ratelimited	dev_err
#define dev_warn_ratelimited	dev_warn
#define dev_err_probe(dev, err, fmt, ...)				\
	({ _dev_err(dev, fmt, ##__VA_ARGS__); (err); })

/* device/driver.h */
#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#endif /* _LINUX_DEVICE_H */
