/* SPDX-License-Identifier: GPL-2.0 */
#include <linux/fs.h>
#include <linux/mm.h>

int blk_mmap(struct file *file, struct vm_area_struct *vma);
