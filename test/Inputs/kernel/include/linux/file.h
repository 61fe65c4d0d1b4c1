/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/file.h for mmap-prepare-lint tests. fput() is
 * declared in the mock <linux/fs.h>, which this includes.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fs.h>

struct file *fget(unsigned int fd);

#endif /* _LINUX_FILE_H */
