/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/atomic.h for mmap-prepare-lint tests. The operations
 * are plain (non-atomic) C: the mocks are only ever parsed, never run.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }
#define ATOMIC_LONG_INIT(i)	ATOMIC64_INIT(i)

static inline int atomic_read(const atomic_t *v) { return v->counter; }
static inline void atomic_set(atomic_t *v, int i) { v->counter = i; }
static inline void atomic_add(int i, atomic_t *v) { v->counter += i; }
static inline void atomic_sub(int i, atomic_t *v) { v->counter -= i; }
static inline void atomic_inc(atomic_t *v) { v->counter++; }
static inline void atomic_dec(atomic_t *v) { v->counter--; }
static inline int atomic_add_return(int i, atomic_t *v) { return v->counter += i; }
static inline int atomic_sub_return(int i, atomic_t *v) { return v->counter -= i; }
static inline int atomic_inc_return(atomic_t *v) { return ++v->counter; }
static inline int atomic_dec_return(atomic_t *v) { return --v->counter; }
static inline bool atomic_dec_and_test(atomic_t *v) { return --v->counter == 0; }
static inline bool atomic_inc_and_test(atomic_t *v) { return ++v->counter == 0; }
static inline int atomic_fetch_inc(atomic_t *v) { return v->counter++; }
static inline int atomic_fetch_dec(atomic_t *v) { return v->counter--; }
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	int cur = v->counter;

	if (cur == old)
		v->counter = new;
	return cur;
}
static inline bool atomic_inc_unless_negative(atomic_t *v)
{
	if (v->counter < 0)
		return false;
	v->counter++;
	return true;
}
static inline bool atomic_inc_not_zero(atomic_t *v)
{
	if (!v->counter)
		return false;
	v->counter++;
	return true;
}

static inline s64 atomic64_read(const atomic64_t *v) { return v->counter; }
static inline void atomic64_set(atomic64_t *v, s64 i) { v->counter = i; }
static inline void atomic64_add(s64 i, atomic64_t *v) { v->counter += i; }
static inline void atomic64_sub(s64 i, atomic64_t *v) { v->counter -= i; }
static inline void atomic64_inc(atomic64_t *v) { v->counter++; }
static inline void atomic64_dec(atomic64_t *v) { v->counter--; }
static inline s64 atomic64_inc_return(atomic64_t *v) { return ++v->counter; }
static inline s64 atomic64_dec_return(atomic64_t *v) { return --v->counter; }

static inline long atomic_long_read(const atomic_long_t *v) { return (long)v->counter; }
static inline void atomic_long_set(atomic_long_t *v, long i) { v->counter = i; }
static inline void atomic_long_add(long i, atomic_long_t *v) { v->counter += i; }
static inline void atomic_long_sub(long i, atomic_long_t *v) { v->counter -= i; }
static inline void atomic_long_inc(atomic_long_t *v) { v->counter++; }
static inline void atomic_long_dec(atomic_long_t *v) { v->counter--; }

#endif /* _LINUX_ATOMIC_H */
