/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/minmax.h for mmap-prepare-lint tests. */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#define min(x, y) ({ __typeof__(x) __x = (x); __typeof__(y) __y = (y); \
		     __x < __y ? __x : __y; })
#define max(x, y) ({ __typeof__(x) __x = (x); __typeof__(y) __y = (y); \
		     __x > __y ? __x : __y; })
#define min_t(type, x, y) ({ type __x = (x); type __y = (y); __x < __y ? __x : __y; })
#define max_t(type, x, y) ({ type __x = (x); type __y = (y); __x > __y ? __x : __y; })
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)

#endif /* _LINUX_MINMAX_H */
