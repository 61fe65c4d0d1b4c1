/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/mutex.h for mmap-prepare-lint tests. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/cleanup.h>

struct mutex {
	atomic_long_t owner;
	struct list_head wait_list;
};

#define __MUTEX_INITIALIZER(lockname)					\
	{ .owner = ATOMIC_LONG_INIT(0),					\
	  .wait_list = { &(lockname).wait_list, &(lockname).wait_list } }

#define DEFINE_MUTEX(mutexname) \
	struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(mutex)	__mutex_init((mutex), #mutex)
void mutex_destroy(struct mutex *lock);

void mutex_lock(struct mutex *lock);
int __must_check mutex_lock_interruptible(struct mutex *lock);
int __must_check mutex_lock_killable(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

#define lockdep_assert_held(l)	do { (void)(l); } while (0)

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* _LINUX_MUTEX_H */
