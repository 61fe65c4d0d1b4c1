/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/module.h (+ moduleparam.h) for mmap-prepare-lint
 * tests. Module metadata macros are no-ops.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/kernel.h>

struct module;

#define THIS_MODULE ((struct module *)0)

#define __MOCK_MODINFO	extern int __mock_modinfo_dummy
#define MODULE_LICENSE(x)		__MOCK_MODINFO
#define MODULE_AUTHOR(x)		__MOCK_MODINFO
#define MODULE_DESCRIPTION(x)		__MOCK_MODINFO
#define MODULE_ALIAS(x)			__MOCK_MODINFO
#define MODULE_VERSION(x)		__MOCK_MODINFO
#define MODULE_SOFTDEP(x)		__MOCK_MODINFO
#define MODULE_FIRMWARE(x)		__MOCK_MODINFO
#define MODULE_IMPORT_NS(x)		__MOCK_MODINFO
#define MODULE_ALIAS_MISCDEV(x)		__MOCK_MODINFO
#define MODULE_DEVICE_TABLE(type, name)					\
	static const void *__UNIQUE_ID(devtable) __used = &(name)

#define module_param(name, type, perm)					\
	static const void *__UNIQUE_ID(param) __used = &(name)
#define module_param_named(name, value, type, perm)			\
	static const void *__UNIQUE_ID(param) __used = &(value)
#define module_param_array(name, type, nump, perm)			\
	static const void *__UNIQUE_ID(param) __used = &(name)
#define MODULE_PARM_DESC(_parm, desc)	__MOCK_MODINFO

static inline bool try_module_get(struct module *module)
{
	(void)module;
	return true;
}

static inline void module_put(struct module *module)
{
	(void)module;
}

static inline void __module_get(struct module *module)
{
	(void)module;
}

#endif /* _LINUX_MODULE_H */
