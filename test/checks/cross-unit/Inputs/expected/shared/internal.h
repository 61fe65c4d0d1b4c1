/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/fs.h>
#include <linux/mm.h>

int sh_file_mmap_prepare(struct vm_area_desc *);
