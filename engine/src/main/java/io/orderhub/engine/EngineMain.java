package io.orderhub.engine;

public final class EngineMain {
  public static void main(String[] args) {}
}
