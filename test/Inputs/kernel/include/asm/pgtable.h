/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of arch/x86/include/asm/pgtable.h and the generic bits of
 * include/linux/pgtable.h for mmap-prepare-lint tests.
 */
#ifndef _ASM_PGTABLE_H
#define _ASM_PGTABLE_H

#include <asm/pgtable_types.h>

/* As on x86: a macro that rewrites the cache-mode bits of @prot. */
#define pgprot_noncached(prot)						\
	__pgprot((pgprot_val(prot) & ~_PAGE_CACHE_MASK) |		\
		 cachemode2protval(_PAGE_CACHE_MODE_UC_MINUS))

/* include/linux/pgtable.h fallbacks */
#ifndef pgprot_device
#define pgprot_device pgprot_noncached
#endif
#ifndef pgprot_decrypted
#define pgprot_decrypted(prot)	__pgprot(pgprot_val(prot) & ~_PAGE_ENC)
#endif
#ifndef pgprot_encrypted
#define pgprot_encrypted(prot)	__pgprot(pgprot_val(prot) | _PAGE_ENC)
#endif
#ifndef pgprot_noncached_wc
#define pgprot_noncached_wc(prot) pgprot_writecombine(prot)
#endif

static inline pgprot_t pgprot_modify(pgprot_t oldprot, pgprot_t newprot)
{
	return __pgprot((pgprot_val(oldprot) & _PAGE_CACHE_MASK) |
			(pgprot_val(newprot) & ~_PAGE_CACHE_MASK));
}

#endif /* _ASM_PGTABLE_H */
