using Microsoft.EntityFrameworkCore.Migrations;
using PatientForum.Web.Features.Search;

#nullable disable

namespace PatientForum.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The FTS5 index and the triggers that keep it in step with every write (see SqliteSearchSchema).
            migrationBuilder.Sql(SqliteSearchSchema.CreateSql);
            migrationBuilder.Sql(SqliteSearchSchema.PopulateSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqliteSearchSchema.DropSql);
        }
    }
}
