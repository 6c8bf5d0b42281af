// Decorators read design-time types through the Reflect metadata API.
import "reflect-metadata";
