/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of the generated include/generated/uapi/linux/version.h for
 * mmap-prepare-lint tests. LINUX_VERSION_CODE follows MOCK_KERNEL_API.
 */
#ifndef _LINUX_VERSION_H
#define _LINUX_VERSION_H

#include <linux/mock_kernel_api.h>

#define KERNEL_VERSION(a, b, c) \
	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

#if MOCK_KERNEL_API < 616
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 12, 0)
#elif MOCK_KERNEL_API < 700
#define LINUX_VERSION_CODE KERNEL_VERSION(6, MOCK_KERNEL_API - 600, 0)
#else
#define LINUX_VERSION_CODE KERNEL_VERSION(7, MOCK_KERNEL_API - 700, 0)
#endif
#define LINUX_VERSION_MAJOR (LINUX_VERSION_CODE >> 16)
#define LINUX_VERSION_PATCHLEVEL ((LINUX_VERSION_CODE >> 8) & 0xff)
#define LINUX_VERSION_SUBLEVEL 0

#endif /* _LINUX_VERSION_H */
