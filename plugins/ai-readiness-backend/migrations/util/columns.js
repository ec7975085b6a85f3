/*
 * Column helper for the migrations (a folder of its own, so that knex does not
 * take it for a migration). It only saves writing the same builder chain for
 * every column: the schema is exactly what one knex call per column makes.
 */

/**
 * Adds columns to a table, in order, each with its comment. A column is
 * written `name type: comment`; the type is a knex column builder with an
 * optional length, such as `string(512)`, `text`, `double` or `boolean`, and
 * ends with `?` for a nullable column (every other column is not null):
 * `'owner string(512)?: Entity reference of the owner'`.
 *
 * @param {import('knex').Knex.CreateTableBuilder} table
 * @param {string[]} columns
 */
function addColumns(table, columns) {
  for (const spec of columns) {
    const match = /^(\w+) (\w+)(?:\((\d+)\))?(\?)?: (.+)$/s.exec(spec);
    if (!match || typeof table[match[2]] !== 'function') {
      throw new Error(`Bad column "${spec}": write "name type: comment"`);
    }
    const [, name, builder, length, nullable, comment] = match;
    const column = length
      ? table[builder](name, Number(length))
      : table[builder](name);
    (nullable ? column.nullable() : column.notNullable()).comment(comment);
  }
}

module.exports = { addColumns };
