/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/export.h for mmap-prepare-lint tests. */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#define EXPORT_SYMBOL(sym)		extern int __mock_export_dummy
#define EXPORT_SYMBOL_GPL(sym)		extern int __mock_export_dummy
#define EXPORT_SYMBOL_NS(sym, ns)	extern int __mock_export_dummy
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	extern int __mock_export_dummy

#endif /* _LINUX_EXPORT_H */
