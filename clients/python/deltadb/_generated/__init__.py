# Generated from spec/openapi.yaml by deltadb-codegen. DO NOT EDIT.
