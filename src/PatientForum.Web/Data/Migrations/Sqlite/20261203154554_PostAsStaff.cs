using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PatientForum.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PostAsStaff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AsStaff",
                table: "Posts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // Posts already written by today's staff keep the badge they show: until now every post of theirs had it.
            migrationBuilder.Sql("""
                UPDATE "Posts" SET "AsStaff" = 1
                WHERE "AuthorId" IN (SELECT ur."UserId" FROM "AspNetUserRoles" ur JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                                     WHERE r."Name" IN ('admin', 'moderator'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // SQLite drops the column in place: EF's rebuild of the table would break the search triggers that name it.
            migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"AsStaff\";");
        }
    }
}
