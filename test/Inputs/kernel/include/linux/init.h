/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/init.h for mmap-prepare-lint tests. */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __refdata
#define __devinit
#define __devexit

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/* Reference the function so that it is "used"; no registration happens. */
#define module_init(initfn)						\
	static initcall_t __used __PASTE(__mock_initcall_, initfn) = initfn
#define module_exit(exitfn)						\
	static exitcall_t __used __PASTE(__mock_exitcall_, exitfn) = exitfn
#define device_initcall(fn)	module_init(fn)
#define late_initcall(fn)	module_init(fn)
#define subsys_initcall(fn)	module_init(fn)
#define fs_initcall(fn)		module_init(fn)
#define core_initcall(fn)	module_init(fn)
#define arch_initcall(fn)	module_init(fn)

#endif /* _LINUX_INIT_H */
