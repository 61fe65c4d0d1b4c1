/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/export.h for mmap-prepare-lint tests. As in the
 * kernel, an export redeclares the symbol and takes its address.
 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define __mock_export(sym)						\
	extern typeof(sym) sym;						\
	static void *__mock_addressable_##sym __attribute__((__used__)) = \
		(void *)&sym

#define EXPORT_SYMBOL(sym)		__mock_export(sym)
#define EXPORT_SYMBOL_GPL(sym)		__mock_export(sym)
#define EXPORT_SYMBOL_NS(sym, ns)	__mock_export(sym)
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__mock_export(sym)

#endif /* _LINUX_EXPORT_H */
