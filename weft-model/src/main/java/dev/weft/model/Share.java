package dev.weft.model;

/** A queue's guarantee or maximum: a percentage of its parent's capacity, or an absolute vector. */
public sealed interface Share {
  /** The absolute vector this share stands for, given the parent's capacity. */
  Resources resolve(Resources parent);

  record Percent(double percent) implements Share {
    public Resources resolve(Resources parent) {
      return parent.times(percent / 100.0);
    }

    @Override
    public String toString() {
      return percent + "%";
    }
  }

  record Absolute(Resources resources) implements Share {
    public Resources resolve(Resources parent) {
      return resources;
    }

    @Override
    public String toString() {
      return resources.toString();
    }
  }

  Share NONE = new Percent(0);
  Share ALL = new Percent(100);
}
