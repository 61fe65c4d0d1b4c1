/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/spinlock.h for mmap-prepare-lint tests. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/cleanup.h>

typedef struct spinlock {
	unsigned int rlock;
} spinlock_t;

typedef struct {
	unsigned int lock;
} rwlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)	(spinlock_t) { 0 }
#define DEFINE_SPINLOCK(x)	spinlock_t x = { 0 }

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
unsigned long __mock_spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);

#define spin_lock_irqsave(lock, flags)					\
	do {								\
		(flags) = __mock_spin_lock_irqsave(lock);		\
	} while (0)

DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))

#endif /* _LINUX_SPINLOCK_H */
