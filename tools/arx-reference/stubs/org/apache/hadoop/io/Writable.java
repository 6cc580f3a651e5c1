package org.apache.hadoop.io;
// Compile-only stub (hadoop-core jar absent from snapshot).
public interface Writable {
  void write(java.io.DataOutput out) throws java.io.IOException;
  void readFields(java.io.DataInput in) throws java.io.IOException;
}
