/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mock of include/linux/pm_runtime.h for mmap-prepare-lint tests. The real
 * header implements most of these as static inline wrappers around
 * __pm_runtime_resume()/__pm_runtime_idle(); here they are plain
 * declarations.
 */
#ifndef _LINUX_PM_RUNTIME_H
#define _LINUX_PM_RUNTIME_H

#include <linux/device.h>

int pm_runtime_get(struct device *dev);
int pm_runtime_get_sync(struct device *dev);
int pm_runtime_resume_and_get(struct device *dev);
int pm_runtime_get_if_in_use(struct device *dev);
void pm_runtime_get_noresume(struct device *dev);
int pm_runtime_put(struct device *dev);
int pm_runtime_put_sync(struct device *dev);
int pm_runtime_put_autosuspend(struct device *dev);
void pm_runtime_put_noidle(struct device *dev);
void pm_runtime_mark_last_busy(struct device *dev);
void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);
int pm_runtime_set_active(struct device *dev);

#endif /* _LINUX_PM_RUNTIME_H */
