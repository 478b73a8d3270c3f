package org.carereviews.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.carereviews.support.EmbeddedDefaultTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description ({@code /v3/api-docs}) describes each endpoint's own types: every request
 * body and every answer of the service's API, and every record they hold, refers to a schema with
 * exactly the properties of its Java type as JSON (no two classes collapsed into one schema); the
 * CSV imports take {@code text/csv} and a form upload.
 */
@EmbeddedDefaultTest
class ApiDescriptionIT {

  @Autowired TestRestTemplate rest;
  @Autowired ObjectMapper json;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyBodyAndAnswerRefersToTheSchemaOfItsOwnType() {
    JsonNode description = rest.getForObject("/v3/api-docs", JsonNode.class);
    List<String> mismatches = new ArrayList<>();
    int checked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getName().startsWith("org.carereviews.")) {
        continue;
      }
      RequestMappingInfo info = entry.getKey();
      for (String path : info.getPatternValues()) {
        if (!path.startsWith("/api/")) {
          continue; // the workspace's pages, not the API the description covers
          // (springdoc.paths-to-match)
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          JsonNode operation =
              description.path("paths").path(path).path(method.name().toLowerCase());
          String where = method + " " + path;
          if (operation.isMissingNode()) {
            mismatches.add(where + ": not described");
            continue;
          }
          for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
              JsonNode schema =
                  operation.at("/requestBody/content").elements().next().path("schema");
              compare(
                  description,
                  json.constructType(parameter.getGenericParameterType()),
                  schema,
                  false,
                  where + " body",
                  mismatches,
                  new HashSet<>());
              checked++;
            }
          }
          Type returned = handler.getReturnType().getGenericParameterType();
          JavaType answer = json.constructType(returned);
          if (answer.getRawClass() == ResponseEntity.class) {
            answer = answer.containedTypeOrUnknown(0);
          }
          JsonNode responses = operation.path("responses");
          JsonNode success =
              responses.path("200").isMissingNode() ? responses.path("201") : responses.path("200");
          JsonNode content = success.path("content");
          if (content.isObject() && content.size() > 0) {
            compare(
                description,
                answer,
                content.elements().next().path("schema"),
                true,
                where + " answer",
                mismatches,
                new HashSet<>());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void theCsvImportsTakeCsvAndAFormUpload() {
    JsonNode description = rest.getForObject("/v3/api-docs", JsonNode.class);
    for (String path : List.of("/api/savings/lines/import", "/api/savings/cost-changes/import")) {
      JsonNode content =
          description.path("paths").path(path).path("post").path("requestBody").path("content");
      Set<String> types = new TreeSet<>();
      content.fieldNames().forEachRemaining(types::add);
      assertThat(types).as(path).containsExactly("multipart/form-data", "text/csv");
      assertThat(content.at("/text~1csv/schema/type").asText()).as(path).isEqualTo("string");
      assertThat(content.at("/multipart~1form-data/schema/properties/file/format").asText())
          .as(path)
          .isEqualTo("binary");
    }
  }

  /**
   * Compares a Java type with the schema describing it: a collection with an array of its elements,
   * a bean (a type Jackson writes as an object of properties) with a schema of exactly its
   * properties, each compared in turn. Other types (text, numbers, dates, money, enums) are not
   * compared.
   */
  private void compare(
      JsonNode description,
      JavaType type,
      JsonNode schema,
      boolean written,
      String where,
      List<String> mismatches,
      Set<String> seen) {
    JsonNode resolved = resolve(description, schema);
    if (type.isCollectionLikeType() || type.isArrayType()) {
      compare(
          description,
          type.getContentType(),
          resolved.path("items"),
          written,
          where + "[]",
          mismatches,
          seen);
      return;
    }
    if (!isBean(type) || !seen.add(type.toCanonical())) {
      return;
    }
    BeanDescription bean =
        written
            ? json.getSerializationConfig().introspect(type)
            : json.getDeserializationConfig().introspect(type);
    Set<String> expected = new TreeSet<>();
    for (BeanPropertyDefinition property : bean.findProperties()) {
      if (written ? property.couldSerialize() : property.couldDeserialize()) {
        expected.add(property.getName());
      }
    }
    Set<String> described = new TreeSet<>();
    resolved.path("properties").fieldNames().forEachRemaining(described::add);
    if (!expected.equals(described)) {
      mismatches.add(
          where
              + ": "
              + type.getRawClass().getName()
              + " has "
              + expected
              + " but its schema "
              + schema.path("$ref").asText("(inline)")
              + " has "
              + described);
      return;
    }
    for (BeanPropertyDefinition property : bean.findProperties()) {
      JavaType propertyType =
          written ? property.getAccessor().getType() : property.getPrimaryType();
      compare(
          description,
          propertyType,
          resolved.path("properties").path(property.getName()),
          written,
          where + "." + property.getName(),
          mismatches,
          seen);
    }
  }

  /**
   * A type of the service that Jackson writes as an object of its properties (a record, not a value
   * like Money).
   */
  private boolean isBean(JavaType type) {
    Class<?> raw = type.getRawClass();
    if (!raw.getName().startsWith("org.carereviews.") || raw.isEnum()) {
      return false;
    }
    try {
      return json.getSerializerProviderInstance().findValueSerializer(type)
          instanceof com.fasterxml.jackson.databind.ser.BeanSerializer;
    } catch (Exception e) {
      return false;
    }
  }

  private static JsonNode resolve(JsonNode description, JsonNode schema) {
    JsonNode resolved = schema;
    while (resolved.has("$ref")) {
      String name = resolved.get("$ref").asText().replace("#/components/schemas/", "");
      resolved = description.path("components").path("schemas").path(name);
    }
    if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
      return resolve(description, resolved.get("allOf").get(0));
    }
    return resolved;
  }
}
