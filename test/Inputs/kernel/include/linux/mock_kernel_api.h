/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock kernel header for mmap-prepare-lint tests. Has no real counterpart:
 * it selects the API level that all other mock headers emulate.
 *
 * MOCK_KERNEL_API is an integer:
 *     0 (or anything < 616)  pre-mmap_prepare kernel (6.12-like)
 *   616  v6.16  f_op->mmap_prepare, struct vm_area_desc (vm_flags word)
 *   617  v6.17  generic_file_*mmap_prepare(), vfs_mmap(), can_mmap_file()
 *   619  v6.19  struct mmap_action, VMA_*_BIT, vma_flags_t, mmap_action_remap()
 *   700  v7.0   mk_vma_flags(), vma_desc_{set,clear,test}_flags(), desc->vma_flags
 *   701  v7.1   vma_desc_test{,_any,_all}(), vm_ops->mapped, simple_ioremap,
 *               map_kernel_pages
 *   702  v7.2   action.error_override replaces success_hook/error_hook
 *   703  v7.3   (default) as 702, plus VMA_UFFD_RWP_BIT
 * Intermediate values work too: every declaration is gated with ">=".
 */
#ifndef _LINUX_MOCK_KERNEL_API_H
#define _LINUX_MOCK_KERNEL_API_H

#ifndef MOCK_KERNEL_API
#define MOCK_KERNEL_API 703
#endif

/* Convenience for test inputs: #if MOCK_KERNEL_AT_LEAST(701) */
#define MOCK_KERNEL_AT_LEAST(v) (MOCK_KERNEL_API >= (v))

#endif /* _LINUX_MOCK_KERNEL_API_H */
