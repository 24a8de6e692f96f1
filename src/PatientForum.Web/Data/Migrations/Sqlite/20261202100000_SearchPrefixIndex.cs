using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PatientForum.Web.Features.Search;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The full-text table gets prefix indexes (see SqliteSearchSchema.AddPrefixIndexSql): rebuilt and filled again
    /// from the posts, so a database made before runs with them from its next start. The model does not change.
    /// </summary>
    [DbContext(typeof(SqliteForumDbContext))]
    [Migration("20261202100000_SearchPrefixIndex")]
    public partial class SearchPrefixIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqliteSearchSchema.AddPrefixIndexSql);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(SqliteSearchSchema.RemovePrefixIndexSql);
    }
}
