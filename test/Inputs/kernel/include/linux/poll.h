/* SPDX-License-Identifier: GPL-2.0 */
/* Mock of include/linux/poll.h for mmap-prepare-lint tests. */
#ifndef _LINUX_POLL_H
#define _LINUX_POLL_H

#include <linux/types.h>
#include <linux/fs.h>

#define EPOLLIN		((__force __poll_t)0x00000001)
#define EPOLLOUT	((__force __poll_t)0x00000004)
#define EPOLLRDNORM	((__force __poll_t)0x00000040)
#define EPOLLWRNORM	((__force __poll_t)0x00000100)

typedef struct poll_table_struct {
	unsigned long _key;
} poll_table;

struct wait_queue_head;
void poll_wait(struct file *filp, struct wait_queue_head *wait_address,
	       poll_table *p);

#endif /* _LINUX_POLL_H */
