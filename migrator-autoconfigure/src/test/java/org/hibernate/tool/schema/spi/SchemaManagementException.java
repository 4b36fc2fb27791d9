package org.hibernate.tool.schema.spi;

/** Stands in for Hibernate's exception of the same name, which the analyzer matches by name. */
public class SchemaManagementException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaManagementException(String message) {
        super(message);
    }
}
