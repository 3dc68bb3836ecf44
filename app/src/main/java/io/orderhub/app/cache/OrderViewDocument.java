package io.orderhub.app.cache;

import org.springframework.data.annotation.Id;
import org.springframework.data.redis.core.RedisHash;
import org.springframework.data.redis.core.TimeToLive;

/**
 * An order's view in the Redis read model: a hash {@code orderhub:order-view:<id>} with the version
 * (to tell newer from older) and the view as JSON.
 */
@RedisHash("orderhub:order-view")
public class OrderViewDocument {

  @Id private String id;
  private long version;
  private String json;
  @TimeToLive private Long timeToLiveSeconds;

  public OrderViewDocument() {}

  public OrderViewDocument(String id, long version, String json, long timeToLiveSeconds) {
    this.id = id;
    this.version = version;
    this.json = json;
    this.timeToLiveSeconds = timeToLiveSeconds;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public String getJson() {
    return json;
  }

  public void setJson(String json) {
    this.json = json;
  }

  public Long getTimeToLiveSeconds() {
    return timeToLiveSeconds;
  }

  public void setTimeToLiveSeconds(Long timeToLiveSeconds) {
    this.timeToLiveSeconds = timeToLiveSeconds;
  }
}
