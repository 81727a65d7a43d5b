/** What this machine offers: cores, memory and disk, measured from /proc, cgroup limits and the filesystem. */
package dev.weft.agent.host;
